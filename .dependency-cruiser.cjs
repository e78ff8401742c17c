/**
 * Import cycles, type-only imports included (ESLint's cycle rules skip those), in everything we
 * ship and everything that tests it. The direction of imports between layers is ESLint's
 * no-restricted-imports (eslint.config.js); this file only forbids cycles.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'No import cycles, even inside a folder (STYLE.md): each module must be readable before the ones that import it.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
