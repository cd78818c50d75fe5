// Names shared by the claim steps, the bank files and the ledger (plain unions, so that the
// domain stays free of the database layer; they match the CHECK constraints in migrations).

export type ClaimStatusName =
  | 'submitted'
  | 'returned'
  | 'reviewed'
  | 'refused'
  | 'publicized'
  | 'approved'
  | 'batched'
  | 'paid'
  | 'failed'
  | 'withdrawn'
  | 'recovered';

/** User roles (as in users.role). */
export type Role = 'province' | 'city' | 'county' | 'township' | 'village' | 'auditor' | 'admin' | 'employer' | 'laborer';
