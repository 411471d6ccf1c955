import {
  Axis,
  BarSeries,
  Chart,
  DARK_THEME,
  LIGHT_THEME,
  Position,
  ScaleType,
  Settings,
  niceTimeFormatByDay,
} from '@elastic/charts';
import moment from 'moment-timezone';
import { useEuiTheme } from '@elastic/eui';
import type { DeliveryStatusResponse } from '../../../common/http_api/views';
import { STATUS_CATEGORIES } from '../../../common/message_status';
import { DAY_MS } from '../../../common/time';
import { useFormatDate } from '../../components/app_services';
import { CATEGORY_COLORS, CATEGORY_LABELS } from '../../components/status_badge';

interface Point {
  time: number;
  category: string;
  count: number;
}

interface StatusHistogramProps extends Pick<DeliveryStatusResponse, 'histogram'> {
  /** A brushed span of the time axis, in epoch milliseconds: the page zooms to it. */
  onBrush(startMs: number, endMs: number): void;
}

/** Messages per interval, stacked by latest status; brushing the time axis zooms to that span. */
export function StatusHistogram({ histogram, onBrush }: StatusHistogramProps) {
  const { colorMode } = useEuiTheme();
  const { timeZone } = useFormatDate();
  const points: Point[] = histogram.buckets.flatMap((bucket) =>
    STATUS_CATEGORIES.map((category) => ({
      time: Date.parse(bucket.start),
      category: CATEGORY_LABELS[category],
      count: bucket.counts[category],
    }))
  );
  const first = points[0]?.time ?? 0;
  const last = points[points.length - 1]?.time ?? 0;
  // elastic-charts' niceTimeFormatter formats in the browser's zone; the ticks follow dateFormat:tz.
  const tickPattern = niceTimeFormatByDay((last + histogram.intervalMs - first) / DAY_MS);
  const colors = Object.fromEntries(
    STATUS_CATEGORIES.map((category) => [CATEGORY_LABELS[category], CATEGORY_COLORS[category]])
  );
  return (
    <div style={{ height: 240 }} data-test-subj="emtStatusHistogram">
      <Chart>
        <Settings
          baseTheme={colorMode === 'DARK' ? DARK_THEME : LIGHT_THEME}
          showLegend
          legendPosition={Position.Right}
          onBrushEnd={(event) => {
            // A time axis brushes epoch milliseconds.
            const [start, end] = ('x' in event ? event.x : undefined)?.map(Number) ?? [];
            if (start !== undefined && end !== undefined && end > start) {
              onBrush(Math.round(start), Math.round(end));
            }
          }}
        />
        <BarSeries
          id="statuses"
          name="Messages"
          data={points}
          xScaleType={ScaleType.Time}
          yScaleType={ScaleType.Linear}
          xAccessor="time"
          yAccessors={['count']}
          splitSeriesAccessors={['category']}
          stackAccessors={['time']}
          timeZone={timeZone}
          color={(series) => colors[String(series.splitAccessors.get('category'))] ?? '#AAAAAA'}
        />
        <Axis
          id="time"
          position={Position.Bottom}
          tickFormat={(time: number) => moment(time).tz(timeZone).format(tickPattern)}
        />
        <Axis id="count" position={Position.Left} ticks={4} />
      </Chart>
    </div>
  );
}
