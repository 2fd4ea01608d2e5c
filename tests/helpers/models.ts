/** Small models written for the tests. */

/** One improving path from today: a takes x, then b takes y, and both are content at YY. */
export const CHAIN = `format: parley/1
name: One path
decisionMakers:
  - id: a
    options: [{ id: x }]
  - id: b
    options: [{ id: y }]
statusQuo: NN
preferences:
  a: [x]
  b: ["x & y"]
`;
