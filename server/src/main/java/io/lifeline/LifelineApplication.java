package io.lifeline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LifelineApplication {

	public static void main(String[] args) {
		SpringApplication.run(LifelineApplication.class, args);
	}

}
