/** Compile-time assertions: `type _ = Expect<...>` fails to compile unless the check holds. */
export type Expect<T extends true> = T;

/** true when A and B have exactly the same keys. */
export type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : false
  : false;

/** true when A is assignable to B. */
export type Assignable<A, B> = [A] extends [B] ? true : false;
