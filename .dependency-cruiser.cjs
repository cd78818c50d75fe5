/** Architecture rules checked in `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Domain code (rules, ID numbers, matching, money) has no I/O: no database, HTTP, files or network.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: {
        path: ['^src/(db|http|modules|cli)', '^node_modules/(pg|@electric-sql|kysely|fastify|@fastify|exceljs)'],
      },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?(crypto)$' },
    },
    {
      name: 'policies-are-pure',
      comment: 'Policy formulas are pure functions over facts and parameters: they import the rules domain only.',
      severity: 'error',
      from: { path: '^policies', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/domain', '^policies'] },
    },
    {
      name: 'db-below-modules',
      comment: 'The database layer knows nothing of modules, HTTP or the CLI.',
      severity: 'error',
      from: { path: '^src/db' },
      to: { path: '^src/(modules|http|cli)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
