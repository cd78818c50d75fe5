-- The laborer's inbox, defence in depth: read_at is the one column of a delivered message the
-- application role may write (column grant of 20261121180100), for "mark read", and the
-- service writes coalesce(read_at, now()). The grant alone would still let any session of
-- bangfu_app set it back to NULL (unread again) or to any time, past or future. A message is
-- read once, when it is read: read_at goes from NULL to the transaction's now() and never
-- changes after. Writing the value it already has (NULL or a time) is a no-op and passes,
-- so marking a message read twice still answers with the first time.
--
-- The trigger holds for every role, not only bangfu_app: nothing in bangfu writes read_at
-- otherwise (the outbox dispatcher inserts messages unread and never updates them).
CREATE FUNCTION inapp_messages_read_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.read_at IS NOT DISTINCT FROM OLD.read_at THEN
    RETURN NEW;
  END IF;
  IF OLD.read_at IS NULL AND NEW.read_at = now() THEN
    RETURN NEW;
  END IF;
  IF OLD.read_at IS NULL THEN
    RAISE EXCEPTION '站内消息（ID %）只能标记为当前时间已读，不能填写其他阅读时间', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RAISE EXCEPTION '站内消息（ID %）已标记为已读，阅读时间不能清除或更改', OLD.id
    USING ERRCODE = 'check_violation';
END $$;

CREATE TRIGGER inapp_messages_read_once BEFORE UPDATE OF read_at ON inapp_messages
  FOR EACH ROW EXECUTE FUNCTION inapp_messages_read_once();
