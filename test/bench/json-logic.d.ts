// json-logic-js ships no types; the benchmark needs only these two functions.
declare module 'json-logic-js' {
  const jsonLogic: { apply(rule: unknown, data?: unknown): unknown; truthy(value: unknown): boolean };
  export default jsonLogic;
}
