import { type ComponentProps, lazy, Suspense } from 'react';
import type { Chart as ChartType } from './Chart.tsx';

// ECharts is the largest dependency: loaded only when a chart is shown, after the page's text.
const Chart = lazy(() => import('./Chart.tsx').then((m) => ({ default: m.Chart })));

export function LazyChart(props: ComponentProps<typeof ChartType>) {
  return (
    <Suspense fallback={<div className="chart" aria-busy="true" />}>
      <Chart {...props} />
    </Suspense>
  );
}
