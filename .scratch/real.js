const t0 = Date.now()
const cloud = require('wx-server-sdk')
const t1 = Date.now()
const { Db } = require('@cloudbase/database')
const sent = []
class Rec { constructor(c) { this.c = c } async send(action, params) { sent.push([action, params, this.c.localTag]); if (action === 'database.insertDocument') return { code: 'DATABASE_REQUEST_FAILED', message: '[FailedOperation] E11000 duplicate key error', requestId: 'r' }; if (action==='database.getDocument') return { requestId: 'r', data: { list: ['{"_id":"a"}'] } }; return { requestId: 'r', data: { updated: 1 } } } }
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const db = cloud.database()
Object.defineProperty(Db, 'reqClass', { get: () => Rec, set: () => {}, configurable: true })
db._db.config.localTag = 'T'
const t2 = Date.now()
;(async () => {
  console.log(await db.collection('x').where({ a: 1 }).get())
  console.log(await db.collection('x').where({ a: 1 }).update({ data: { b: { c: 1 } } }))
  try { await db.collection('x').add({ data: { _id: 'a' } }) } catch (e) { console.log('ERR', e.errCode, e.message, Object.keys(e)) }
  console.log(JSON.stringify(sent), t1 - t0, t2 - t1)
  console.log(cloud.getWXContext())
})()
