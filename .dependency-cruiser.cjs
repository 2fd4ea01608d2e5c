/**
 * The layers of src/, lowest first. A module may import from its own layer
 * and the layers before it, never from a later one: `npm run lint` fails on an
 * upward import. See CONTRIBUTING.md ("Where code goes").
 */
const LAYERS = [
  "format", // the scenario format: types, schema, validation, expressions, state sets as cubes
  "preferences", // preference statements -> ranks over states
  "model", // compiling a scenario to states (the engine's data layout), states in words
  "stability", // the stability concepts and the graph machinery under them
  "extensions", // coalitions, unknown preferences, foresight, hypergames
  "analysis", // paths, comparisons, robustness, the inverse problem, forecasts, lint
  "parallel", // running analyses on worker threads
  "bargaining", // spatial bargaining models
  "ingest", // news text -> draft scenario
  "interchange", // other file formats (gmcr-py), preference and bargaining files
  "present", // documents, tables, JSON contracts: one module per output kind
  "report", // the report: every analysis in one document
  "node", // Node-only helpers (files)
  "api", // the package's public entries beside src/index.ts (package.json "exports")
  "server", // the workbench's local server
  "cli", // the parley command
];

const rules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `${layer}-imports-upward`,
  comment: `src/${layer} sits below ${LAYERS.slice(i + 1).join(", ")}: it may not import them`,
  severity: "error",
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(i + 1).join("|")})/` },
}));

/** web/src by where code runs (web/README.md): the page and the workers meet only in protocol/. */
const webRules = [
  ["page", "workers", "the page starts the workers by URL and talks to them through protocol/; it does not import their code"],
  ["workers", "page|editor|charts", "the workers have no DOM: they may not import the page's code"],
  ["editor|charts", "page|workers", "the editor and the charts are used by the page and know neither it nor the workers"],
  ["protocol", "page|editor|charts|workers", "the messages are shared by both sides and depend on neither"],
].map(([from, to, comment]) => ({
  name: `web-${from.replace("|", "-")}-imports-${to.replaceAll("|", "-")}`,
  comment,
  severity: "error",
  from: { path: `^web/src/(${from})/` },
  to: { path: `^web/src/(${to})/` },
}));

module.exports = {
  forbidden: [
    ...rules,
    ...webRules,
    {
      name: "no-circular",
      comment: "modules that import each other, directly or through others, cannot be read or tested one at a time",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "web-uses-public-entries",
      comment:
        "the workbench uses Parley as a library user would: src/index.ts and the browser's subpath entries (src/api/present, parallel, ingest), never a module behind them",
      severity: "error",
      from: { path: "^web/src/" },
      to: { path: "^src/", pathNot: "^src/index\\.ts$|^src/api/(present|parallel|ingest)\\.ts$" },
    },
    {
      name: "entries-on-top",
      comment: "the public entries (src/index.ts, src/api/) gather the layers; no layer imports them",
      severity: "error",
      from: { path: "^src/[^/]+/", pathNot: "^src/api/" },
      to: { path: "^src/index\\.ts$|^src/api/" },
    },
    {
      name: "engine-without-node",
      comment: "the engine runs in the browser too: only the adapters (node, server, cli, parallel's Node pool) may use Node's modules",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(node|server|cli)/|^src/parallel/node-" },
      to: { dependencyTypes: ["core"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(dist|node_modules)/" },
  },
};
