const { Db } = require('@cloudbase/database')
const sent = []
Db.reqClass = class { constructor(c) { this.c = c } async send(action, params) { sent.push([action, params]); if (action==='database.getDocument') return { requestId: 'r', data: { list: [] } }; return { requestId: 'r', data: { updated: 1, insertedIds: ['x'] , total: 3, deleted: 1} } } }
const db = new Db({ env: 'e' })
const _ = db.command
;(async () => {
  await db.collection('loss_cases').where({ _id: 'a', status: _.in(['x','y']), 'holder.idBlind': _.gt(1).and(_.lt(4)) }).update({ receiptUse: null, delivery: { mode: 'pickup', at: 'x' }, sealed: _.set({ a: 1 }), history: _.push([{ from: 'a', to: { b: 1 } }]), version: _.inc(1), arr: [{ a: 1 }] })
  await db.collection('orders').where({ openid: 'o' }).orderBy('createdAt', 'desc').skip(5).limit(5000).get()
  await db.collection('orders').where({ openid: 'o' }).get()
  await db.collection('orders').add({ _id: 'x', a: { b: new Date(0) } })
  await db.collection('orders').where({}).count()
  await db.collection('orders').where({ a: 1 }).remove()
  await db.createCollection('orders')
  console.log(JSON.stringify(sent, null, 1))
})()
