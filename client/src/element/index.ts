export { CareloomElement } from './careloom-element.js';
export { ElementLocale, type ElementLocaleOptions } from './element-locale.js';
