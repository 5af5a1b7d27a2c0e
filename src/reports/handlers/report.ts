/** Placeholder: built in the following commits. */
import type { Ctx } from '../../cli/context.js';
export async function weekly(_ctx: Ctx): Promise<void> {
  throw new Error('not built yet');
}
export async function member(_ctx: Ctx): Promise<void> {
  throw new Error('not built yet');
}
export async function team(_ctx: Ctx): Promise<void> {
  throw new Error('not built yet');
}
