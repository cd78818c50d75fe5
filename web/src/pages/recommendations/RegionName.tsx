// A region code shown by its name (looked up once per code and cached), the code on hover.
import { useRegionName } from '../../components/AppLayout.tsx';

export function RegionName({ code }: { code: string | null | undefined }) {
  const name = useRegionName(code ?? undefined);
  if (!code) return <span>-</span>;
  return <span title={code}>{name}</span>;
}
