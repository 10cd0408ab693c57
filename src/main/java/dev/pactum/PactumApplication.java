package dev.pactum;

import dev.pactum.operations.OperationsCommands;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@EnableProcessApplication("pactum")
public class PactumApplication {

    public static void main(String[] args) {
        if (OperationsCommands.requested(args)) {
            System.exit(OperationsCommands.run(args));
        }
        SpringApplication.run(PactumApplication.class, args);
    }
}
