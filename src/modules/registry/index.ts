// What other modules use from the register.

export { idFor, idOnScreen, phoneFor } from './laborer.presenter.ts';
export { addSpellIn, employerLaborersForExport, resolveRegion } from './registry.service.ts';
