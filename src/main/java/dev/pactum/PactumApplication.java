package dev.pactum;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PactumApplication {
    public static void main(String[] args) {
        SpringApplication.run(PactumApplication.class, args);
    }
}
