import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/**
 * What WeChat's `wx` object offers, read from `miniprogram-api-typings` (WeChat's own typings of the base library):
 * every method of `interface Wx` and, where its argument is an options object, the keys that object may have and the
 * ones it must have. The recording `wx` fake refuses anything outside this.
 */
export interface ApiSpec {
  name: string
  /** keys of the options object, or null when the argument is not an options object (a callback, a string, …) */
  keys: Set<string> | null
  required: string[]
}

interface InterfaceShape {
  keys: Set<string>
  required: Set<string>
  bases: string[]
}

const TYPINGS = path.dirname(require.resolve('miniprogram-api-typings/package.json'))

function collectInterfaces(file: string, into: Map<string, InterfaceShape>): ts.SourceFile {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false)
  const visit = (node: ts.Node, prefix: string): void => {
    if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
      const name = node.name.getText(source)
      for (const statement of node.body.statements) visit(statement, name === 'WechatMiniprogram' ? '' : `${name}.`)
      return
    }
    if (ts.isInterfaceDeclaration(node)) {
      const name = `${prefix}${node.name.text}`
      const shape = into.get(name) ?? { keys: new Set<string>(), required: new Set<string>(), bases: [] }
      for (const member of node.members) {
        if (!member.name) continue
        const key = member.name.getText(source).replace(/^['"]|['"]$/g, '')
        shape.keys.add(key)
        if (ts.isPropertySignature(member) && !member.questionToken) shape.required.add(key)
      }
      for (const clause of node.heritageClauses ?? []) {
        for (const type of clause.types) {
          const base = type.expression.getText(source)
          shape.bases.push(base.includes('.') || !prefix ? base : `${prefix}${base}`)
        }
      }
      into.set(name, shape)
      return
    }
    ts.forEachChild(node, (child) => visit(child, prefix))
  }
  visit(source, '')
  return source
}

function flatten(name: string, all: Map<string, InterfaceShape>, seen = new Set<string>()): { keys: Set<string>; required: Set<string> } | null {
  const shape = all.get(name) ?? all.get(name.replace(/^.*\./, ''))
  if (!shape || seen.has(name)) return null
  seen.add(name)
  const keys = new Set(shape.keys)
  const required = new Set(shape.required)
  for (const base of shape.bases) {
    const inherited = flatten(base.replace(/<.*$/, ''), all, seen)
    inherited?.keys.forEach((k) => keys.add(k))
    inherited?.required.forEach((k) => required.add(k))
  }
  return { keys, required }
}

/** The type name an options parameter refers to: `T extends XOption = XOption` → XOption; `OQ<ICloud.X>` → ICloud.X. */
function optionTypeName(param: ts.ParameterDeclaration, typeParams: readonly ts.TypeParameterDeclaration[] | undefined, source: ts.SourceFile): string | null {
  let type = param.type
  if (!type) return null
  if (ts.isTypeReferenceNode(type)) {
    const ref = type.typeName.getText(source)
    const generic = typeParams?.find((p) => p.name.text === ref)
    if (generic?.constraint && ts.isTypeReferenceNode(generic.constraint)) return generic.constraint.typeName.getText(source)
    if ((ref === 'OQ' || ref === 'RQ') && type.typeArguments?.[0] && ts.isTypeReferenceNode(type.typeArguments[0])) {
      type = type.typeArguments[0]
      return (type as ts.TypeReferenceNode).typeName.getText(source)
    }
    return ref
  }
  return null
}

function methodsOf(iface: string, source: ts.SourceFile, all: Map<string, InterfaceShape>): Map<string, ApiSpec> {
  const specs = new Map<string, ApiSpec>()
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === iface) {
      for (const member of node.members) {
        if (!member.name) continue
        const name = member.name.getText(source)
        let keys: Set<string> | null = null
        let required: string[] = []
        const signature = ts.isMethodSignature(member)
          ? member
          : ts.isPropertySignature(member) && member.type && ts.isFunctionTypeNode(member.type)
            ? member.type
            : null
        const first = signature?.parameters[0]
        const typeName = first ? optionTypeName(first, signature?.typeParameters, source) : null
        const shape = typeName ? flatten(typeName, all) : null
        if (shape && shape.keys.size > 0) {
          keys = shape.keys
          required = first?.questionToken ? [] : [...shape.required]
        }
        const previous = specs.get(name)
        if (previous?.keys && keys) previous.keys.forEach((k) => keys!.add(k))
        specs.set(name, { name, keys: previous && !previous.keys ? null : keys, required })
      }
      return
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return specs
}

let cached: { wx: Map<string, ApiSpec>; cloud: Map<string, ApiSpec> } | null = null

/** Every `wx.*` and `wx.cloud.*` API of the base library that `miniprogram-api-typings` describes. */
export function wxApiSpecs(): { wx: Map<string, ApiSpec>; cloud: Map<string, ApiSpec> } {
  if (cached) return cached
  const all = new Map<string, InterfaceShape>()
  const api = collectInterfaces(path.join(TYPINGS, 'types/wx/lib.wx.api.d.ts'), all)
  const cloud = collectInterfaces(path.join(TYPINGS, 'types/wx/lib.wx.cloud.d.ts'), all)
  cached = { wx: methodsOf('Wx', api, all), cloud: methodsOf('WxCloud', cloud, all) }
  return cached
}
