const Datastore = require('@seald-io/nedb')
;(async () => {
  const s = new Datastore()
  await s.insertAsync({ _id: 'a', r: null, s: 'str', o: { x: 1, y: 2 } })
  for (const upd of [{ $set: { 'r.caseId': 1 } }, { $set: { 's.caseId': 1 } }, { $set: { 'o.x': 5 } }, { $set: { 'n.m': 5 } }, {$push: {'r.list': 1}}]) {
    try { await s.updateAsync({ _id: 'a' }, upd, {}); console.log('ok', JSON.stringify(upd), JSON.stringify(await s.findOneAsync({ _id: 'a' }))) } catch (e) { console.log('err', JSON.stringify(upd), e.message) }
  }
})()
