export { AppLocale, LocaleController, browserLanguageStore, startingLanguage, type LanguageStore } from './locale.js';
