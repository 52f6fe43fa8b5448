// @sekuire/jobs: the queues, their typed jobs, connections and the producer.
export { producerConnection, workerConnection } from "./connection.js";
export {
  type ApprovalJobRef,
  approvalJobs,
  createJobProducer,
  expireJob,
  type JobProducer,
  notifyJob,
  type OpenedApprovalJob,
  type ProducerOptions,
} from "./producer.js";
export {
  JOBS,
  type JobData,
  type JobName,
  jobIds,
  type NotifyStep,
  notifyStepSchema,
  parseJob,
  QUEUES,
  type QueueName,
  queuePrefix,
  RETRY,
} from "./queues.js";
