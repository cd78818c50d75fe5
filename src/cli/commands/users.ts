import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/connection.ts';
import type { Role } from '../../db/schema.ts';
import { addUser, listUsers, ROLES } from '../../modules/auth/users.service.ts';
import { parseCommandArgs, withUsage } from '../args.ts';
import type { Command } from '../command.ts';
import { withMigratedDatabase } from '../open.ts';
import { accountsTable } from './seed.ts';

const ADD_USAGE = 'bangfu users add USERNAME --role ROLE --region CODE [--password P] [--name 名称] [--full-id]';

/** `users add` against an open database (the command opens it; tests pass their own). */
export async function runUsersAdd(database: Database, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      role: { type: 'string' },
      region: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      'full-id': { type: 'boolean', default: false },
    },
    ADD_USAGE,
    true,
  );
  const username = positionals[0];
  if (!username || positionals.length > 1 || !values.role || !values.region) {
    console.error(`用法: ${ADD_USAGE}\n角色: ${ROLES.join('、')}`);
    return 2;
  }
  const generated = values.password === undefined;
  const password = values.password ?? randomBytes(12).toString('base64url');
  const user = await addUser(database, {
    username,
    role: values.role as Role,
    regionCode: values.region,
    password,
    displayName: values.name,
    canViewFullId: values['full-id'],
  });
  console.log(`${user.created ? '已新建' : '已更新'}用户：`);
  console.log(accountsTable([user]));
  if (generated) console.log(`初始密码：${password}（只显示这一次，请转交本人并提醒修改）`);
  return 0;
}

export const usersAdd: Command = {
  path: ['users', 'add'],
  usage: 'bangfu users add USERNAME --role ROLE --region CODE',
  summary: '新建或更新用户（角色、管辖区划、密码）；不给 --password 时生成随机密码',
  run: (args, config) => withMigratedDatabase(config, (database) => withUsage(() => runUsersAdd(database, args))),
};

export const usersList: Command = {
  path: ['users', 'list'],
  usage: 'bangfu users list',
  summary: '列出用户及其角色、管辖区划',
  run: (_args, config) =>
    withMigratedDatabase(config, async (database) => {
      const users = await listUsers(database);
      console.log(users.length ? accountsTable(users) : '还没有用户：用 bangfu users add 或 bangfu seed 创建');
      return 0;
    }),
};
