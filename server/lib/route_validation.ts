import type * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import type { RouteValidationFunction } from '@kbn/core/server';
import { formatCodecErrors } from '../../common/codec_errors';

/**
 * Kibana accepts a plain function as a route validation spec, which lets io-ts codecs from common/
 * validate requests without @kbn/config-schema at runtime. Kibana answers a failure with a 400.
 */
export function validateWith<T>(codec: t.Decoder<unknown, T>): RouteValidationFunction<T> {
  return (data, { ok, badRequest }) => {
    const decoded = codec.decode(data);
    return isLeft(decoded)
      ? badRequest(formatCodecErrors(decoded.left).join('; '))
      : ok(decoded.right);
  };
}
