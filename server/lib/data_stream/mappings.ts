import { type estypes } from '@elastic/elasticsearch';

type MappingProperty = estypes.MappingProperty;

// ECS conventions: keywords ignore values over 1024 characters instead of rejecting the document.
const keyword = { type: 'keyword', ignore_above: 1024 } as const;
// ECS gives names and subjects a full-text sub-field. ECS uses match_only_text, which lives in the
// mapper-extras module; `text` without norms is in every distribution and answers the same queries.
const keywordWithText = { ...keyword, fields: { text: { type: 'text', norms: false } } } as const;
// Fleet uses constant_keyword for data_stream.* and event.dataset. That type is an x-pack plugin
// the minimal distributions lack; a keyword answers the same queries everywhere, and data views
// treat both as the same string type, so a view over Fleet's and our indices sees no conflict.
const constantKeyword = keyword;
const date = { type: 'date' } as const;
const long = { type: 'long' } as const;
const ip = { type: 'ip' } as const;

function object(properties: Record<string, MappingProperty>): MappingProperty {
  return { properties };
}

/** What the integration's GeoIP and ASN processors write (the GeoIP pipeline asks for these properties). */
const geo = object({
  city_name: keyword,
  continent_name: keyword,
  country_iso_code: keyword,
  country_name: keyword,
  region_iso_code: keyword,
  region_name: keyword,
  location: { type: 'geo_point' },
});

const as = object({
  number: long,
  organization: object({ name: keywordWithText }),
});

function endpoint(): MappingProperty {
  return object({
    ip,
    domain: keyword,
    registered_domain: keyword,
    top_level_domain: keyword,
    subdomain: keyword,
    user: object({ id: keyword, email: keyword, name: keywordWithText, domain: keyword }),
    geo,
    as,
  });
}

/**
 * Every field the mapper and the GeoIP pipeline write, typed as ECS types them, the raw fields as the
 * integration types them (so a data view over both agrees on every field).
 *
 * `dynamic: false`: a field we forget to map is kept in `_source` but not indexed, so a new plugin
 * version writing through an older template loses nothing and never fails a write; `strict` would
 * reject such documents and lose data. Unit tests check that every field a document can carry is
 * mapped here, so in practice nothing is left unindexed.
 */
export const messageTraceMappings: estypes.MappingTypeMapping = {
  dynamic: false,
  date_detection: false,
  properties: {
    '@timestamp': date,
    data_stream: object({
      type: constantKeyword,
      dataset: constantKeyword,
      namespace: constantKeyword,
    }),
    ecs: object({ version: keyword }),
    event: object({
      kind: keyword,
      category: keyword,
      type: keyword,
      action: keyword,
      outcome: keyword,
      dataset: constantKeyword,
      // Elastic Security's prebuilt rules for this dataset take their time window from it.
      ingested: date,
      // ECS: kept for reading, never searched.
      original: { type: 'keyword', index: false, doc_values: false },
    }),
    email: object({
      local_id: keyword,
      message_id: keyword,
      subject: keywordWithText,
      delivery_timestamp: date,
      direction: keyword,
      from: object({ address: keyword }),
      to: object({ address: keyword }),
      // ECS maps attachments as nested; kept so a data view over the integration's indices agrees.
      attachments: { type: 'nested', properties: { file: object({ size: long }) } },
      // Custom: a top-level long that Lens can sum (see docs/FIELDS.md).
      size: long,
    }),
    network: object({ direction: keyword }),
    source: endpoint(),
    destination: endpoint(),
    related: object({ user: keyword, ip }),
    user: object({ id: keyword, email: keyword, name: keywordWithText }),
    observer: object({ vendor: keyword, product: keyword }),
    organization: object({ id: keyword, name: keywordWithText }),
    // Custom (docs/FIELDS.md): row_id is the trace id + recipient every observation of a row shares;
    // source_network the source IP's /24 or /48, kept so the views group by it without ip_prefix.
    exchange_message_trace: object({
      connection_id: keyword,
      row_id: keyword,
      source_network: keyword,
    }),
    microsoft: object({
      online_message_trace: object({
        MessageTraceId: keyword,
        MessageId: keyword,
        Received: { type: 'date_nanos' },
        SenderAddress: keyword,
        RecipientAddress: keyword,
        Subject: keyword,
        Status: keyword,
        FromIP: keyword,
        ToIP: keyword,
        Size: long,
      }),
    }),
  },
};

/** Dotted paths of every leaf field in a mapping (sub-fields under `fields` are not leaves of documents). */
export function mappedFieldPaths(
  properties: Record<string, MappingProperty> = messageTraceMappings.properties ?? {},
  prefix = ''
): string[] {
  return Object.entries(properties).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    const children = (property as { properties?: Record<string, MappingProperty> }).properties;
    return children ? mappedFieldPaths(children, `${path}.`) : [path];
  });
}
