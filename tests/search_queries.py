"""What readers type into the site search, and the note each query should lead to.

Each row is (query, expected, kind). `expected` is a page and the #anchor of the section a reader
typing the query wants to read: the note itself, not its glossary entry (the glossary's one-line
summary is a stop on the way; the test counts it as a result but never as the hit). The anchors
are the stable ones that CONTRIBUTING.md promises, so a heading may be reworded without touching this
table. `kind` only groups the report: a service name, an abbreviation, a concept word, a need in
plain words (what the reader wants done, not what AWS calls it), or a misspelling.

tests/test_browser_search.py types each query into the search box of the built site and requires
the expected section among the first three results.
"""

from __future__ import annotations

SERVICE = "service"
ABBREVIATION = "abbreviation"
CONCEPT = "concept"
NEED = "need"
MISSPELLING = "misspelling"

QUERIES: list[tuple[str, str, str]] = [
    # -- Service names ------------------------------------------------------------------------
    ("DynamoDB", "databases/#dynamodb", SERVICE),
    ("Lambda", "compute/#lambda", SERVICE),
    ("CloudFront", "networking/#cloudfront", SERVICE),
    ("Fargate", "containers/#fargate", SERVICE),
    ("SageMaker", "machine-learning/#sagemaker", SERVICE),
    ("CloudFormation", "tools/#cloudformation", SERVICE),
    ("Route 53", "networking/#route-53", SERVICE),
    ("Elastic Beanstalk", "compute/#elastic-beanstalk", SERVICE),
    ("Redshift", "databases/#redshift", SERVICE),
    ("Boto3", "tools/#boto3", SERVICE),
    ("API Gateway", "networking/#api-gateway", SERVICE),
    ("Outposts", "compute/#outposts", SERVICE),
    # -- Abbreviations --------------------------------------------------------------------------
    ("EC2", "compute/#ec2", ABBREVIATION),
    ("S3", "storage/#s3", ABBREVIATION),
    ("EBS", "storage/#ebs", ABBREVIATION),
    ("EFS", "storage/#efs", ABBREVIATION),
    ("SQS", "application-integration/#sqs", ABBREVIATION),
    ("SNS", "application-integration/#sns", ABBREVIATION),
    ("ECS", "containers/#ecs", ABBREVIATION),
    ("EKS", "containers/#eks", ABBREVIATION),
    ("ELB", "networking/#elb", ABBREVIATION),
    ("DMS", "databases/#dms", ABBREVIATION),
    ("IaaS", "cloud-concepts/#iaas", ABBREVIATION),
    ("CLI", "tools/#aws-cli", ABBREVIATION),
    ("SDK", "tools/#sdks", ABBREVIATION),
    ("DNS", "networking/#dns", ABBREVIATION),
    # -- Concept words ---------------------------------------------------------------------------
    ("serverless", "cloud-concepts/#serverless", CONCEPT),
    ("elasticity", "cloud-concepts/#elasticity", CONCEPT),
    ("shared responsibility", "cloud-concepts/#shared-responsibility-model", CONCEPT),
    ("multitenancy", "cloud-concepts/#multitenancy", CONCEPT),
    ("caching", "cloud-concepts/#caching", CONCEPT),
    ("microservices", "application-integration/#microservices", CONCEPT),
    ("pub/sub", "application-integration/#publish-subscribe", CONCEPT),
    ("spot instances", "compute/#spot-instances", CONCEPT),
    ("instance types", "compute/#ec2-instance-types", CONCEPT),
    ("infrastructure as code", "tools/#infrastructure-as-code", CONCEPT),
    ("edge locations", "networking/#edge-locations", CONCEPT),
    ("storage classes", "storage/#s3-storage-classes", CONCEPT),
    ("NoSQL", "databases/#nosql", CONCEPT),
    ("bring your own container", "machine-learning/#bring-your-own-container", CONCEPT),
    ("kubernetes", "containers/#eks", CONCEPT),
    ("docker", "containers/#docker", CONCEPT),
    # -- Needs in plain words --------------------------------------------------------------------
    ("block storage", "storage/#ebs", NEED),
    ("object storage", "storage/#s3", NEED),
    ("shared file system", "storage/#efs", NEED),
    ("temporary storage", "storage/#instance-store", NEED),
    ("back up a volume", "storage/#ebs-snapshots", NEED),
    ("message queue", "application-integration/#sqs", NEED),
    ("send notifications", "application-integration/#sns", NEED),
    ("run code without servers", "compute/#lambda", NEED),
    ("virtual server", "compute/#ec2", NEED),
    ("scale automatically", "compute/#ec2-auto-scaling", NEED),
    ("GPU", "compute/#accelerated-computing", NEED),
    ("DNS service", "networking/#route-53", NEED),
    ("load balancer", "networking/#elb", NEED),
    ("content delivery network", "networking/#cloudfront", NEED),
    ("data warehouse", "databases/#redshift", NEED),
    ("migrate a database", "databases/#dms", NEED),
    ("managed kubernetes", "containers/#eks", NEED),
    ("run containers without servers", "containers/#fargate", NEED),
    ("train a model", "machine-learning/#train-and-deploy", NEED),
    ("deep learning inference", "machine-learning/#elastic-inference", NEED),
    ("command line", "tools/#aws-cli", NEED),
    ("security of the cloud", "cloud-concepts/#shared-responsibility-model", NEED),
    # -- Misspellings ----------------------------------------------------------------------------
    ("dyanmodb", "databases/#dynamodb", MISSPELLING),
    ("sagemker", "machine-learning/#sagemaker", MISSPELLING),
    ("lamda", "compute/#lambda", MISSPELLING),
    ("redshfit", "databases/#redshift", MISSPELLING),
    ("cloudfromation", "tools/#cloudformation", MISSPELLING),
    ("kubernets", "containers/#eks", MISSPELLING),
]

# -- Issue 15: the words readers use --------------------------------------------------------------
# Written before site search was tuned for them (2026-11-29), and kept apart from QUERIES so the
# hit rates of the old and the new queries are reported separately. A reader who knows only what
# they want types what the thing *is*, an acronym the notes never spell out, an inflected word, or
# asks which of two services to pick.
EVERYDAY = "everyday"
ACRONYM = "acronym"
INFLECTION = "inflection"
VERSUS = "versus"

READER_QUERIES: list[tuple[str, str, str]] = [
    # -- Everyday words for what a service is --------------------------------------------------
    ("cheapest", "compute/#spot-instances", EVERYDAY),
    ("interruptible", "compute/#spot-instances", EVERYDAY),
    ("cheapest interruptible", "compute/#spot-instances", EVERYDAY),
    ("function as a service", "compute/#lambda", EVERYDAY),
    ("pay as you go", "compute/#on-demand", EVERYDAY),
    ("physical server for one customer", "compute/#dedicated-hosts", EVERYDAY),
    ("aws hardware on premises", "compute/#outposts", EVERYDAY),
    ("upload code and aws runs it", "compute/#elastic-beanstalk", EVERYDAY),
    ("hard drive for ec2", "storage/#ebs", EVERYDAY),
    ("scratch disk", "storage/#instance-store", EVERYDAY),
    ("network file share", "storage/#efs", EVERYDAY),
    ("cold storage archive", "storage/#s3-storage-classes", EVERYDAY),
    ("key value database", "databases/#dynamodb", EVERYDAY),
    ("move my database to aws", "databases/#dms", EVERYDAY),
    ("spread traffic across servers", "networking/#elb", EVERYDAY),
    ("domain names", "networking/#route-53", EVERYDAY),
    ("rest api endpoint", "networking/#api-gateway", EVERYDAY),
    ("fan out messages", "application-integration/#sns", EVERYDAY),
    ("buffer messages between services", "application-integration/#sqs", EVERYDAY),
    ("templates for infrastructure", "tools/#cloudformation", EVERYDAY),
    ("web console", "tools/#management-console", EVERYDAY),
    ("python library for aws", "tools/#boto3", EVERYDAY),
    ("who secures what", "cloud-concepts/#shared-responsibility-model", EVERYDAY),
    ("best practices", "cloud-concepts/#well-architected-framework", EVERYDAY),
    ("customers sharing hardware", "cloud-concepts/#multitenancy", EVERYDAY),
    ("machine learning platform", "machine-learning/#sagemaker", EVERYDAY),
    # -- Acronyms the notes never spell out ----------------------------------------------------
    ("FaaS", "compute/#lambda", ACRONYM),
    ("CDN", "networking/#cloudfront", ACRONYM),
    ("VM", "compute/#ec2", ACRONYM),
    ("k8s", "containers/#eks", ACRONYM),
    ("NFS", "storage/#efs", ACRONYM),
    ("OLAP", "databases/#redshift", ACRONYM),
    ("ASG", "compute/#ec2-auto-scaling", ACRONYM),
    ("ALB", "networking/#elb", ACRONYM),
    ("SSD volume", "storage/#ebs", ACRONYM),
    ("RI", "compute/#reserved-instances", ACRONYM),
    # -- Inflections of the notes' words -------------------------------------------------------
    ("warehousing", "databases/#redshift", INFLECTION),
    ("interrupted", "compute/#spot-instances", INFLECTION),
    ("queuing", "application-integration/#sqs", INFLECTION),
    ("snapshotting a volume", "storage/#ebs-snapshots", INFLECTION),
    ("migrating databases", "databases/#dms", INFLECTION),
    ("subscribing to topics", "application-integration/#publish-subscribe", INFLECTION),
    ("archiving", "storage/#s3-storage-classes", INFLECTION),
    ("balancing load", "networking/#elb", INFLECTION),
    ("deploying models", "machine-learning/#train-and-deploy", INFLECTION),
    # -- Which of two: "vs" and "or" -----------------------------------------------------------
    ("sqs vs sns", "application-integration/#sns-vs-sqs", VERSUS),
    ("sns or sqs", "application-integration/#sns-vs-sqs", VERSUS),
    ("ecs vs eks", "containers/#comparison", VERSUS),
    ("fargate or ecs", "containers/#comparison", VERSUS),
    ("ebs vs efs", "storage/#comparison", VERSUS),
    ("s3 versus ebs", "storage/#comparison", VERSUS),
    ("api vs sdk", "tools/#api-vs-sdk", VERSUS),
    ("iaas vs paas", "cloud-concepts/#cloud-service-models", VERSUS),
]
