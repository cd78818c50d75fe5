// What other modules use from the register.

export { idFor, idOnScreen, phoneFor } from './laborer.presenter.ts';
export { addSpellIn, resolveRegion } from './registry.service.ts';
