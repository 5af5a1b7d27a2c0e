// The prompt library behind one internal module, so `import()` of it stays
// inside the bundle and loads dist/vendor/inquirer-prompts.cjs only when a
// prompt is really shown.
export { confirm, input, select } from '@inquirer/prompts';
