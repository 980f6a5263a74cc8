/**
 * The local identity switcher: WeChat signs users in by itself; locally you pick who you are.
 * Plain HTML served by the emulator, so it works before the H5 app is built.
 */
export function devSwitcherPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>切换本地用户 · 回执</title>
<style>
  body { font: 18px/1.6 -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0; background: #f5f6f8; color: #1a1a1a; }
  main { max-width: 480px; margin: 0 auto; padding: 24px 16px; }
  h1 { font-size: 24px; margin: 0 0 4px; }
  p.hint { color: #666; margin: 0 0 20px; font-size: 16px; }
  ul { list-style: none; padding: 0; margin: 0 0 24px; }
  li button { width: 100%; text-align: left; font-size: 18px; padding: 14px 16px; margin-bottom: 10px; border-radius: 12px; border: 2px solid transparent; background: #fff; cursor: pointer; }
  li button[aria-current="true"] { border-color: #1677ff; }
  .role { float: right; color: #888; font-size: 15px; }
  form { background: #fff; border-radius: 12px; padding: 16px; }
  input, select { font-size: 18px; padding: 8px; width: 100%; box-sizing: border-box; margin: 4px 0 12px; }
  .primary { background: #1677ff; color: #fff; border: 0; border-radius: 24px; font-size: 18px; padding: 12px; width: 100%; }
  a { color: #1677ff; }
  #msg { color: #d4380d; min-height: 1.6em; }
</style>
</head>
<body>
<main>
  <h1>切换本地用户</h1>
  <p class="hint">本地模式下代替微信登录。选择一个用户后返回应用，运营角色可以进入运营后台。</p>
  <ul id="users"><li>正在加载…</li></ul>
  <form id="create">
    <strong>新建用户</strong>
    <label>名字<input name="name" maxlength="10" required></label>
    <label>角色<select name="role"><option value="user">普通用户</option><option value="operator">运营</option></select></label>
    <button class="primary" type="submit">新建并切换</button>
    <div id="msg" role="alert"></div>
  </form>
  <p><a href="/">返回回执首页</a></p>
</main>
<script>
  async function api(path, body) {
    const res = await fetch(path, body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {});
    const json = await res.json();
    if (!json.ok) throw new Error(json.error.message);
    return json.data;
  }
  async function render() {
    const [users, me] = await Promise.all([api('/api/dev/users'), api('/api/dev/session').catch(() => null)]);
    const list = document.getElementById('users');
    list.innerHTML = '';
    for (const u of users) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.textContent = u.name;
      b.dataset.user = u._id;
      b.setAttribute('aria-current', String(me && me._id === u._id));
      const role = document.createElement('span');
      role.className = 'role';
      role.textContent = u.role === 'operator' ? '运营' : '用户';
      b.appendChild(role);
      b.onclick = async () => { await api('/api/dev/session', { userId: u._id }); location.href = '/'; };
      li.appendChild(b);
      list.appendChild(li);
    }
  }
  document.getElementById('create').onsubmit = async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    try {
      const u = await api('/api/dev/users', { name: f.get('name'), role: f.get('role') });
      await api('/api/dev/session', { userId: u._id });
      location.href = '/';
    } catch (err) { document.getElementById('msg').textContent = err.message; }
  };
  render().catch((err) => { document.getElementById('users').innerHTML = '<li>加载失败：' + err.message + '</li>'; });
</script>
</body>
</html>`
}
