// Pactum: the configuration of Camunda's Welcome app, where "My profile" leads (replaces the one in Camunda's
// webjar; see README, "Camunda's webapps").
export default {
  app: {
    name: '个人中心',
    vendor: 'Pactum 合同管理'
  },
  // Chinese for every browser whose first language is not English (locales/zh.json); English for English.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // Pactum's own pages, beside the webapps the user may open.
  links: [
    {
      label: '我的工作台 Workspace',
      href: '/home',
      description: '我的草稿、待我审批、合同与客户'
    },
    {
      label: '统计分析 Dashboard',
      href: '/dashboard',
      description: '金额与数量、审批用时与瓶颈、自定义报表'
    },
    {
      label: '接口文档 API docs',
      href: '/swagger-ui.html',
      description: 'REST API (OpenAPI)'
    }
  ],
  disableWelcomeMessage: true
};
