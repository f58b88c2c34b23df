package org.opencrm.platform.starter.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.opencrm.platform.events.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The event pipeline every service gets: outbox relay, resubmission, inbox, dead letters, topics. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@EnableConfigurationProperties(CrmEventsProperties.class)
@EnableAsync
@EnableScheduling
public class CrmEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(ApplicationEventPublisher events, ObjectProvider<Tracer> tracer,
            @Value("${spring.application.name}") String source) {
        return new EventPublisher(events, tracer, source);
    }

    @Bean
    KafkaEventRelay kafkaEventRelay(KafkaTemplate<String, byte[]> kafka, JsonMapper json,
            CrmEventsProperties properties) {
        return new KafkaEventRelay(kafka, json, properties.sendTimeout());
    }

    /** Modulith's publication repository, with the marks of sent events written in groups. */
    @Bean
    static BeanPostProcessor groupCommittingPublications(ObjectProvider<PlatformTransactionManager> transactions,
            ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<EventSerializer> serializer) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof EventPublicationRepository repository
                        && !(bean instanceof GroupCommittingPublications)) {
                    return new GroupCommittingPublications(repository, work -> new TransactionTemplate(
                            transactions.getObject()).executeWithoutResult(status -> work.run()),
                            new BatchedPublicationInserts(jdbc.getObject(), serializer.getObject()));
                }
                return bean;
            }
        };
    }

    @Bean
    OutboxResubmitter outboxResubmitter(IncompleteEventPublications incomplete,
            CompletedEventPublications completed, JdbcTemplate jdbc, CrmEventsProperties properties,
            MeterRegistry meters) {
        return new OutboxResubmitter(incomplete, completed, jdbc, properties, meters);
    }

    @Bean
    TableMaintenance tableMaintenance(JdbcTemplate jdbc) {
        return new TableMaintenance(jdbc);
    }

    @Bean
    IncomingEvents incomingEvents(JsonMapper json) {
        return new IncomingEvents(json);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters,
            ObjectProvider<EntityManagerFactory> jpa) {
        EntityManagerFactory factory = jpa.getIfAvailable();
        if (factory == null) {
            return new IdempotentConsumer(jdbc, transactions, meters);
        }
        return new IdempotentConsumer(jdbc, transactions, meters, () -> {
            if (TransactionSynchronizationManager.getResource(factory) instanceof EntityManagerHolder holder) {
                holder.getEntityManager().flush();
                holder.getEntityManager().clear();
            }
        });
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler crmKafkaErrorHandler(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
            CrmEventsProperties properties) {
        return DeadLetters.errorHandler(kafka, meters, properties.consumer());
    }

    /** Every domain topic and its dead-letter topic; creating an existing topic is a no-op. */
    @Bean
    KafkaAdmin.NewTopics crmTopics(CrmEventsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(TopicBuilder.name(topic).partitions(properties.partitions())
                    .replicas(properties.replicationFactor()).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(properties.partitions())
                    .replicas(properties.replicationFactor()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean(name = "kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }
}
