// 范围: 本辖区 / 全部, for the lists every office may read in full (employers, job posts): they open
// on the user's own region, and 全部 shows every office's. The URL keeps 本辖区 as the default (no
// parameter) and reach=all for 全部; an employer's account always sees its own, so "all".
import { Form, Radio } from 'antd';
import { useMe } from './AuthProvider.tsx';

export interface Reach {
  all: boolean;
  /** The URL parameter that keeps the choice. */
  url: { reach?: 'all' };
  /** What the list API is asked for it. */
  asked: { mine?: true };
}

export function useReach(params: URLSearchParams): Reach {
  const me = useMe();
  const all = me.role === 'employer' || params.get('reach') === 'all';
  return all ? { all, url: { reach: 'all' }, asked: {} } : { all, url: {}, asked: { mine: true } };
}

/** The switch itself; an employer's account, which has only its own, gets none. */
export function ReachSwitch({ all, onChange }: { all: boolean; onChange: (all: boolean) => void }) {
  const me = useMe();
  if (me.role === 'employer') return null;
  return (
    <Form.Item label="范围">
      <Radio.Group
        optionType="button"
        value={all ? 'all' : 'mine'}
        onChange={(e) => onChange(e.target.value === 'all')}
        options={[
          { value: 'mine', label: '本辖区' },
          { value: 'all', label: '全部' },
        ]}
      />
    </Form.Item>
  );
}
