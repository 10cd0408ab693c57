package dev.pactum.contract;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Who may read a contract's history through the engine's APIs ({@code /engine-rest/history/*}, Cockpit, the
 * webapps' API): its owner, for the instances of their own contracts (the engine's historic instance permissions;
 * {@code enable-historic-instance-permissions} is on); reviewers through their groups' READ_HISTORY on the
 * lifecycle. A sales group no longer reads every contract's history.
 */
@Component
class ContractHistoryAccess {

    private final AuthorizationService authorizations;

    ContractHistoryAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** Called inside the engine's command that binds the instance; the caller may not write authorizations. */
    void grantOwner(String processInstanceId, String owner) {
        Context.getCommandContext().runWithoutAuthorization(() -> {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setUserId(owner);
            grant.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
            grant.setResourceId(processInstanceId);
            grant.addPermission(HistoricProcessInstancePermissions.READ);
            authorizations.saveAuthorization(grant);
            return null;
        });
    }
}
