// Region picker: a tree loaded level by level from GET /api/regions/:code/children, rooted at
// the user's own region. A preset value (a village deep in the tree) gets its ancestors loaded.
import { regionLevel } from '@domain/region/region-code.ts';
import { TreeSelect } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getRegion, getRegionChildren } from '../api/regions.ts';
import { useMe } from './AuthProvider.tsx';

interface TreeNode {
  id: string;
  pId: string;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Only villages (12-digit codes) may be picked: the place of a household. */
  villagesOnly?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

const VILLAGE_LEVEL = 5;

export function RegionTreeSelect({ value, onChange, villagesOnly, placeholder, allowClear, style, id }: Props) {
  const root = useMe().regionCode;
  const [nodes, setNodes] = useState<TreeNode[]>([]);
  const loaded = useRef(new Set<string>());

  const node = useCallback(
    (code: string, name: string, parent: string, isLeaf: boolean): TreeNode => ({
      id: code,
      pId: parent,
      value: code,
      title: name,
      isLeaf,
      selectable: !villagesOnly || regionLevel(code) === VILLAGE_LEVEL,
    }),
    [villagesOnly],
  );

  const add = useCallback((list: TreeNode[]) => {
    setNodes((prev) => {
      const seen = new Set(prev.map((n) => n.id));
      const fresh = list.filter((n) => !seen.has(n.id));
      return fresh.length ? [...prev, ...fresh] : prev;
    });
  }, []);

  const loadChildren = useCallback(
    async (code: string) => {
      if (loaded.current.has(code)) return;
      loaded.current.add(code);
      try {
        const children = await getRegionChildren(code);
        add(children.map((c) => node(c.code, c.name, code, c.childCount === 0 || c.level >= VILLAGE_LEVEL)));
      } catch {
        loaded.current.delete(code);
      }
    },
    [add, node],
  );

  useEffect(() => {
    let cancelled = false;
    getRegion(root)
      .then((r) => !cancelled && add([node(r.code, r.name, '', false)]))
      .catch(() => !cancelled && add([node(root, root, '', false)]));
    return () => {
      cancelled = true;
    };
  }, [root, add, node]);

  // A value set from outside (an edit form): load the branch that leads to it.
  useEffect(() => {
    if (!value || value === root || !value.startsWith(root)) return;
    let cancelled = false;
    getRegion(value)
      .then(async (r) => {
        const ancestors = r.path.map((p) => p.code).filter((c) => c.startsWith(root) && c !== value);
        for (const code of ancestors) {
          if (cancelled) return;
          await loadChildren(code);
        }
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [value, root, loadChildren]);

  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: '' }}
      treeData={nodes}
      loadData={(n) => loadChildren(String(n.value))}
      treeDefaultExpandedKeys={[root]}
      showSearch
      treeNodeFilterProp="title"
      allowClear={allowClear}
      placeholder={placeholder ?? '选择区划'}
      style={style}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
    />
  );
}
