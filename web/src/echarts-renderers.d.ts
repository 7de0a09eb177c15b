// ECharts' renderer installers by their own modules (the package's `echarts/renderers` holds both: importing one
// from it would put the SVG renderer, needed only to export an SVG, in the chart's chunk). Typed as the public
// `echarts/renderers` exports they are.
declare module 'echarts/lib/renderer/installCanvasRenderer.js' {
  export const install: typeof import('echarts/renderers').CanvasRenderer;
}
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  export const install: typeof import('echarts/renderers').SVGRenderer;
}
