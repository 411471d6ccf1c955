import { refusedInput } from './elasticsearch_refusals';

/** An error as @elastic/elasticsearch throws it for a 400: the status and Elasticsearch's body. */
const refusal = (error: object, statusCode = 400) => ({ meta: { statusCode, body: { error } } });

/** Shapes as Elasticsearch 9.5 answers them (see elasticsearch_refusals.integration.test.ts). */
const tooComplex = refusal({
  type: 'search_phase_execution_exception',
  root_cause: [
    {
      type: 'query_shard_exception',
      reason:
        'failed to create query: Determinizing automaton with 320 states and 639 transitions would require more than 10000 effort.',
    },
  ],
});
const tooManyTerms = refusal({
  type: 'search_phase_execution_exception',
  failed_shards: [
    {
      reason: {
        type: 'query_shard_exception',
        caused_by: {
          type: 'illegal_argument_exception',
          reason:
            'The number of terms [30] used in the Terms Query request has exceeded the allowed maximum of [20]. This maximum can be set by changing the [index.max_terms_count] index level setting.',
        },
      },
    },
  ],
});

describe('refusedInput', () => {
  it('names the wildcard field Elasticsearch could not build a pattern for', () => {
    expect(refusedInput(tooComplex, { sender: '*aaa*', recipient: 'b@c.com' })).toBe(
      'sender: this `*` pattern is too complex for Elasticsearch to search: use fewer `*` and fewer repeated characters next to one'
    );
  });

  it('names only the list longer than the maximum Elasticsearch states', () => {
    expect(
      refusedInput(tooManyTerms, { namespaces: ['a'], connectionIds: Array(30).fill('c') })
    ).toBe("connectionIds: must hold at most 20 values: Elasticsearch's index.max_terms_count");
  });

  it('names too many subject words', () => {
    const clauses = refusal({ type: 'too_many_clauses', reason: 'maxClauseCount is set to 4096' });
    expect(refusedInput(clauses, { subject: 'many words' })).toBe(
      'subject: has too many words for one Elasticsearch query: search for fewer words'
    );
  });

  it("leaves the plugin's own faults and other statuses alone (they stay 500s)", () => {
    expect(refusedInput(tooComplex, { recipient: 'b@c.com' })).toBeUndefined();
    expect(refusedInput(tooComplex, undefined)).toBeUndefined();
    expect(
      refusedInput(
        { ...tooComplex, meta: { ...tooComplex.meta, statusCode: 500 } },
        {
          sender: '*a*',
        }
      )
    ).toBeUndefined();
    expect(refusedInput(new Error('boom'), { sender: '*a*' })).toBeUndefined();
  });
});
