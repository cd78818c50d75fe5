-- A unit's claim about one laborer (岗位补贴, 社保补贴) names that laborer on the claim whoever filed
-- it, as an employer's own claims have since 20261121170100: an office's review queue then tells
-- six claims of one enterprise apart by whom each is for, and the name stays as it was filed
-- (like beneficiary_name) when the register is corrected later. Claims an office filed before
-- this take the name from the register, the ID number masked as the application masks it
-- (first 6 and last 4 digits).
UPDATE claims c
   SET laborer_name = p.name,
       laborer_id_masked = left(p.id_number, 6) || repeat('*', length(p.id_number) - 10) || right(p.id_number, 4)
  FROM persons p
 WHERE p.id = c.person_id
   AND c.subject_kind <> 'person'
   AND c.laborer_name IS NULL;
