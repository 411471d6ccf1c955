/*
 * Ambient declarations for the subset of `@kbn/config-schema` this plugin uses.
 * Type-only: the real package exists only inside a Kibana distributable.
 * Source read: elastic/kibana `src/platform/packages/shared/kbn-config-schema` (newest stored snapshot;
 * no 9.5 tag was available in the index — see UNCONFIRMED notes).
 */
declare module '@kbn/config-schema' {
  // kbn-config-schema/src/types/type.d.ts
  export interface TypeMeta {
    id?: string;
    title?: string;
    description?: string;
    deprecated?: boolean;
  }

  // kbn-config-schema/src/types/type.d.ts
  export interface TypeOptions<T> {
    defaultValue?: T | (() => T);
    validate?: (value: T) => string | void;
    meta?: TypeMeta;
  }

  // kbn-config-schema/src/types/type.d.ts
  export type OptionsForUnknowns = 'allow' | 'ignore' | 'forbid';
  export interface UnknownOptions {
    unknowns?: OptionsForUnknowns;
  }

  // kbn-config-schema/src/types/type.d.ts (abstract class Type<V>; protected/internal members omitted)
  export abstract class Type<V> {
    readonly type: V;
    readonly __isKbnConfigSchemaType: true;
    /** Validates `value`; returns the (possibly defaulted) output or throws a validation error. */
    validate(value: unknown, context?: Record<string, unknown>, namespace?: string): V;
  }

  // kbn-config-schema/src/types/object_type.d.ts
  export type Props = Record<string, Type<any>>;
  export type TypeOrLazyType = Type<any> | (() => Type<any>);
  export type TypeOf<RT extends TypeOrLazyType> = RT extends () => Type<any>
    ? ReturnType<RT>['type']
    : RT extends Type<any>
      ? RT['type']
      : never;

  type OptionalProperties<Base extends Props> = Pick<
    Base,
    { [Key in keyof Base]: undefined extends TypeOf<Base[Key]> ? Key : never }[keyof Base]
  >;
  type RequiredProperties<Base extends Props> = Pick<
    Base,
    { [Key in keyof Base]: undefined extends TypeOf<Base[Key]> ? never : Key }[keyof Base]
  >;

  // kbn-config-schema/src/types/object_type.d.ts
  export type ObjectResultType<P extends Props> = Readonly<
    { [K in keyof OptionalProperties<P>]?: TypeOf<P[K]> } & {
      [K in keyof RequiredProperties<P>]: TypeOf<P[K]>;
    }
  >;

  // kbn-config-schema/src/types/object_type.d.ts (meta.id extension omitted)
  export type ObjectTypeOptions<P extends Props = any> = TypeOptions<ObjectResultType<P>> &
    UnknownOptions;

  // kbn-config-schema/src/types/object_type.d.ts (extends/extendsDeep/validateKey omitted)
  export class ObjectType<P extends Props = any> extends Type<ObjectResultType<P>> {
    constructor(props: P, options?: ObjectTypeOptions<P>);
    /** Return the schema for this object's underlying properties */
    getPropSchemas(): P;
  }

  // kbn-config-schema/src/types/string_type.d.ts (subset of StringOptions)
  export type StringOptions = TypeOptions<string> & {
    minLength?: number;
    maxLength?: number;
  };

  // kbn-config-schema/src/types/number_type.d.ts (subset of NumberOptions)
  export type NumberOptions = TypeOptions<number> & {
    min?: number;
    max?: number;
  };

  // kbn-config-schema/src/types/array_type.d.ts (subset of ArrayOptions)
  export type ArrayOptions<T> = TypeOptions<T[]> & {
    minSize?: number;
    maxSize?: number;
  };

  // kbn-config-schema/src/types/union_type.d.ts
  export type UnionTypeOptions<T> = TypeOptions<T>;

  // kbn-config-schema/index.ts — the `schema` object; only the factories listed here are declared.
  // UNCONFIRMED: `duration` and `byteSize` deliberately not declared (not needed; their option types were not read).
  export const schema: {
    any(options?: TypeOptions<any>): Type<any>;
    boolean(options?: TypeOptions<boolean>): Type<boolean>;
    string(options?: StringOptions): Type<string>;
    number(options?: NumberOptions): Type<number>;
    literal<T extends string | number | boolean | null>(value: T): Type<T>;
    maybe<V>(type: Type<V>): Type<V | undefined>;
    nullable<V>(type: Type<V>): Type<V | null>;
    object<P extends Props>(props: P, options?: ObjectTypeOptions<P>): ObjectType<P>;
    arrayOf<T>(itemType: Type<T>, options?: ArrayOptions<T>): Type<T[]>;
    recordOf<K extends string, V>(
      keyType: Type<K>,
      valueType: Type<V>,
      options?: TypeOptions<Record<K, V>>
    ): Type<Record<K, V>>;
    oneOf<A, B, C, D, E, F>(
      types: [Type<A>, Type<B>, Type<C>, Type<D>, Type<E>, Type<F>],
      options?: UnionTypeOptions<A | B | C | D | E | F>
    ): Type<A | B | C | D | E | F>;
    oneOf<A, B, C, D, E>(
      types: [Type<A>, Type<B>, Type<C>, Type<D>, Type<E>],
      options?: UnionTypeOptions<A | B | C | D | E>
    ): Type<A | B | C | D | E>;
    oneOf<A, B, C, D>(
      types: [Type<A>, Type<B>, Type<C>, Type<D>],
      options?: UnionTypeOptions<A | B | C | D>
    ): Type<A | B | C | D>;
    oneOf<A, B, C>(
      types: [Type<A>, Type<B>, Type<C>],
      options?: UnionTypeOptions<A | B | C>
    ): Type<A | B | C>;
    oneOf<A, B>(types: [Type<A>, Type<B>], options?: UnionTypeOptions<A | B>): Type<A | B>;
    oneOf<A>(types: [Type<A>], options?: UnionTypeOptions<A>): Type<A>;
  };
}
