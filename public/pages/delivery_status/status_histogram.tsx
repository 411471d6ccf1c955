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

/** Messages per interval, stacked by latest status. */
export function StatusHistogram({ histogram }: Pick<DeliveryStatusResponse, 'histogram'>) {
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
