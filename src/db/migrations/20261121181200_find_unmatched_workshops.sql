-- A workshop run also reports the 帮扶车间 its region's laborers work at, by the name their
-- employment records give, that match no workshop registered in the county: their laborers are
-- on no workshop's count until the workshop is registered under that name or the records are
-- corrected. [{name, laborers, poorLaborers}], most laborers first, at most 100 names.
ALTER TABLE find_runs ADD COLUMN unmatched_workshops jsonb NOT NULL DEFAULT '[]';
