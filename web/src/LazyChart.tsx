import { type ComponentProps, lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Chart as ChartType } from './Chart.tsx';

// ECharts is the largest dependency: its chunk is fetched only once a chart's place comes on screen (or near it),
// so a page whose chart is further down, or a reader who never scrolls to it, does not download it.
const Chart = lazy(() => import('./Chart.tsx').then((m) => ({ default: m.Chart })));

export function LazyChart(props: ComponentProps<typeof ChartType>) {
  const place = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = place.current;
    if (shown || !element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setShown(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown(true), { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  const placeholder = <div ref={place} className="chart" aria-busy="true" />;
  if (!shown) return placeholder;
  return (
    <Suspense fallback={<div className="chart" aria-busy="true" />}>
      <Chart {...props} />
    </Suspense>
  );
}
