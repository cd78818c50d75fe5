-- An employment spell names its employer by the name written on it; where the employer is
-- registered (用工单位名录), the spell also points at it, so that a renamed employer, or two
-- employers with the same name, keep their own laborers, and an employer's page can list the
-- register's laborers who work there. The name stays: most laborers work for employers that
-- are not registered here (a factory in Guangdong), and it is what the laborer told us.
ALTER TABLE employment_spells ADD COLUMN employer_id bigint REFERENCES employers (id);
CREATE INDEX spells_employer_idx ON employment_spells (employer_id) WHERE employer_id IS NOT NULL;

-- Spells recorded before the link existed point at the employer registered under exactly their
-- name, where exactly one is; a name two employers share stays unlinked for an officer to choose.
UPDATE employment_spells s
   SET employer_id = e.id
  FROM (SELECT name, min(id) AS id FROM employers GROUP BY name HAVING count(*) = 1) e
 WHERE s.employer_id IS NULL AND s.employer <> '' AND s.employer = e.name;
