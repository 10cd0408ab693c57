// Pactum: Cockpit's configuration (replaces the one in Camunda's webjar; see README, "Camunda's webapps").
export default {
  // The header and the browser tab read "Pactum 合同管理 流程监控 Cockpit".
  app: {
    name: '流程监控 Cockpit',
    vendor: 'Pactum 合同管理'
  },
  // Chinese for every browser whose first language is not English (locales/zh.json); English for English.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // Camunda's first-login note points at Camunda's own welcome page; Pactum's users start from Pactum's pages.
  disableWelcomeMessage: true
};
