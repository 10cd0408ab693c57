package dev.pactum.approval;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApprovalProperties.class, ImApprovalProperties.class})
class ApprovalConfiguration {
}
