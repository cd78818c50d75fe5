-- Household numbers are unique nationally; a collector who cannot see another village
-- still needs to know that a number is taken (and nothing else about it).
CREATE FUNCTION household_number_taken(num text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM households WHERE number = num)
$$;
REVOKE ALL ON FUNCTION household_number_taken(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION household_number_taken(text) TO bangfu_app;
