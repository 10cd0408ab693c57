// Pactum: Tasklist's configuration (replaces the one in Camunda's webjar; see README, "Camunda's webapps").
export default {
  // The header and the browser tab read "Pactum 合同管理 待办任务 Tasklist".
  app: {
    name: '待办任务 Tasklist',
    vendor: 'Pactum 合同管理'
  },
  // Chinese for every browser whose first language is not English (locales/zh.json); English for English.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // Camunda's first-login note points at Camunda's own welcome page; Pactum's users start from Pactum's pages.
  disableWelcomeMessage: true,

  // Camunda's shortcuts, as shipped (their descriptions show in the keyboard help).
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
