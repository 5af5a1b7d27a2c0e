/** Placeholder: built in the following commits. */
import type { Ctx } from '../../cli/context.js';
export async function exportIcs(_ctx: Ctx): Promise<void> {
  throw new Error('not built yet');
}
