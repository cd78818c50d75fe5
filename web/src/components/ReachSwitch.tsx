// 范围: 本辖区 / 全部, for the lists every office may read in full (employers, job posts): they open
// on the user's own region, and 全部 shows every office's.
import { Form, Radio } from 'antd';

export function ReachSwitch({ all, onChange }: { all: boolean; onChange: (all: boolean) => void }) {
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
