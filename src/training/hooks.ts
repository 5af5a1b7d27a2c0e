/** Training's listeners to other features' events (see db/hooks.ts). */
import type { Listener } from '../db/hooks.js';
import { planOnboarding } from './plans.service.js';

/** A member holds a role: plan the role's onboarding courses. */
export const onMemberRole: Listener<'memberRole'> = (tx, c, e) => planOnboarding(tx, c, e);
