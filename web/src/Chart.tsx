/**
 * Apache ECharts (core build: bar and line charts only), resized with its container; PNG and SVG export. The SVG
 * renderer is fetched only when an SVG is exported (the chart on screen is drawn on a canvas).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSeries {
  name: string;
  data: Array<number | null>;
}

function option(categories: string[], series: ChartSeries[], kind: 'bar' | 'line', stacked: boolean): echarts.EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ name: s.name, type: kind, data: s.data, ...(stacked ? { stack: 'total' } : {}), connectNulls: false })),
  };
}

function download(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

export function Chart({
  categories,
  series,
  kind = 'bar',
  stacked = false,
  label,
  file,
}: {
  categories: string[];
  series: ChartSeries[];
  kind?: 'bar' | 'line';
  stacked?: boolean;
  label: string;
  file?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { t } = useTranslation();
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option(categories, series, kind, stacked), true);
  }, [categories, series, kind, stacked]);
  const exportSvg = async () => {
    const { install: SVGRenderer } = await import('echarts/lib/renderer/installSVGRenderer.js');
    echarts.use([SVGRenderer]);
    const width = ref.current?.clientWidth ?? 800;
    const height = ref.current?.clientHeight ?? 400;
    const ssr = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    ssr.setOption(option(categories, series, kind, stacked));
    const svg = ssr.renderToSVGString();
    ssr.dispose();
    download(URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })), `${file ?? 'chart'}.svg`);
  };
  return (
    <figure style={{ margin: 0 }}>
      <div ref={ref} className="chart" role="img" aria-label={label} />
      {file && (
        <p>
          <button type="button" onClick={() => chart.current && download(chart.current.getDataURL({ type: 'png', backgroundColor: '#fff' }), `${file}.png`)}>
            {t('stats.png')}
          </button>{' '}
          <button type="button" onClick={() => void exportSvg()}>
            {t('stats.svg')}
          </button>
        </p>
      )}
    </figure>
  );
}
