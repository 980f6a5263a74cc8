import type { CashierDoc } from './local-services'

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The simulated WeChat Pay cashier: shows the amount, and on 确认支付 fires the same callback cloudPay would. */
export function cashierPage(pending: CashierDoc | null): string {
  const body = pending
    ? `<p class="label">${escape(pending.body)}</p>
  <p class="amount" data-testid="cashier-amount">¥${(pending.totalFee / 100).toFixed(2)}</p>
  <button id="pay" data-testid="cashier-pay">确认支付</button>
  <p class="hint">本地模拟收银台：不会真实扣款。</p>`
    : '<p class="label">没有找到待支付的订单。</p><p><a href="/">返回回执首页</a></p>'
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>微信支付（本地模拟）</title>
<style>
  body { font: 18px/1.6 -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0; background: #ededed; color: #111; }
  main { max-width: 420px; margin: 0 auto; padding: 48px 20px; text-align: center; }
  h1 { font-size: 18px; font-weight: normal; color: #555; }
  .amount { font-size: 44px; font-weight: 600; margin: 8px 0 32px; }
  button { width: 100%; border: 0; border-radius: 8px; background: #07c160; color: #fff; font-size: 19px; padding: 14px; }
  button:disabled { opacity: .6; }
  .hint { color: #888; font-size: 14px; margin-top: 16px; }
  #msg { color: #d4380d; min-height: 1.6em; }
</style></head>
<body><main>
  <h1>微信支付</h1>
  ${body}
  <div id="msg" role="alert"></div>
</main>
<script>
  const btn = document.getElementById('pay');
  if (btn) btn.onclick = async () => {
    btn.disabled = true; btn.textContent = '正在支付…';
    try {
      const res = await fetch('/__cashier/pay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orderId: new URLSearchParams(location.search).get('orderId') }) });
      const json = await res.json();
      if (!json.ok) throw new Error((json.error && json.error.message) || '支付失败');
      location.href = json.data.returnUrl;
    } catch (e) { document.getElementById('msg').textContent = e.message; btn.disabled = false; btn.textContent = '确认支付'; }
  };
</script></body></html>`
}
